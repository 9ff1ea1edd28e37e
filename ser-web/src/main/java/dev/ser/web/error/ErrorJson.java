package dev.ser.web.error;

/**
 * An error as the API sends it: {@code {"error": code, "message": ...}} ({@link Problem#body()}),
 * named for the OpenAPI document and for the per-file errors of a job.
 *
 * @param error the stable machine-readable code, e.g. {@code no_speech}
 * @param message a sentence for the person who sent the request
 */
public record ErrorJson(String error, String message) {}
