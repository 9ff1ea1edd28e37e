package dev.ser.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * A sentence confirming what a form just did ("Deleted the recording ..."), shown once on the page
 * the form redirects to (Faces' flash keeps it across the redirect), where the layout's messages
 * announce it.
 */
public final class Notice {
  private Notice() {}

  public static void afterRedirect(FacesContext faces, String text) {
    faces.getExternalContext().getFlash().setKeepMessages(true);
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }
}
