package dev.ser.web.analysis;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The page a share link opens ({@code /shared.xhtml?key=}): the result, read-only, to anyone with
 * the key; a malformed, unknown or revoked key is the 404 page, the same as an unknown result.
 * Neither the owner nor the file name is shown.
 */
@Named
@RequestScoped
public class SharedBacking {
  @Inject Sharing sharing;

  private String key;
  private ResultView view;

  public void load() {
    view = new ResultView(sharing.open(key));
  }

  public ResultView getView() {
    return view;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
