package dev.ser.domain.account;

import java.util.Locale;

/** What an account may do. Admins manage the sample library; everyone else analyses. */
public enum Role {
  USER,
  ADMIN;

  /** The role name Jakarta Security and {@code @RolesAllowed} use: {@code user}, {@code admin}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromLabel(String label) {
    for (Role role : values()) {
      if (role.label().equalsIgnoreCase(label == null ? "" : label.trim())) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + label + "'; expected user or admin");
  }
}
