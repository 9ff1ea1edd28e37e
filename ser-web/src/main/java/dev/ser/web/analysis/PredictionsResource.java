package dev.ser.web.analysis;

import dev.ser.audio.decode.ChannelMode;
import dev.ser.domain.SerException;
import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.web.WebSettings;
import dev.ser.web.account.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * {@code /api/v1/predictions}: send audio, get a stored prediction; read, list and delete your own.
 * Anonymous callers may analyse (the answer is in the response); listing, reading and deleting need
 * a personal API token ({@code Authorization: Bearer}) or a browser session.
 */
@Path("predictions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class PredictionsResource {
  static final int MAX_PAGE_SIZE = 100;

  /** Room for multipart boundaries and part headers around a file at the limit. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;

  @Inject Analyses analyses;
  @Inject CurrentCaller caller;
  @Inject WebSettings settings;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "createPredictionFromForm",
      summary = "Analyse an uploaded file (multipart field 'file')")
  @APIResponse(responseCode = "201", description = "the prediction, stored")
  @APIResponse(
      responseCode = "400",
      description =
          "not usable audio (corrupt, empty, silent, or no_speech: under 0.5 s of speech)")
  @APIResponse(responseCode = "413", description = "larger than the upload or duration limit")
  @APIResponse(responseCode = "415", description = "not an audio format we read")
  public Response createFromForm(
      @FormParam("file") EntityPart file,
      @FormParam("source") EntityPart source,
      @Parameter(
              description =
                  "mixed (default): one voice, channels averaged; separate: each channel of a"
                      + " stereo call analysed on its own, results in 'channels'",
              schema = @Schema(enumeration = {"mixed", "separate"}))
          @QueryParam("channels")
          @DefaultValue("mixed")
          String channels,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength) {
    refuseOversized(contentLength);
    if (file == null) {
      throw new SerException("missing_file", "Send the audio in a multipart field named 'file'.");
    }
    Upload upload = Upload.of(file, settings.maxUploadBytes(), sourceOf(source));
    return created(analyses.analyse(upload, channelMode(channels), caller.ofApi()));
  }

  @POST
  @Consumes({"audio/*", "video/webm", "video/mp4", "video/ogg", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      operationId = "createPrediction",
      summary = "Analyse audio sent as the raw body, with its Content-Type")
  @APIResponse(responseCode = "201", description = "the prediction, stored")
  public Response create(
      InputStream body,
      @Parameter(
              description =
                  "mixed (default): one voice, channels averaged; separate: each channel of a"
                      + " stereo call analysed on its own, results in 'channels'",
              schema = @Schema(enumeration = {"mixed", "separate"}))
          @QueryParam("channels")
          @DefaultValue("mixed")
          String channels,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength) {
    refuseOversized(contentLength);
    Upload upload = Upload.ofBody(body, contentType, settings.maxUploadBytes());
    return created(analyses.analyse(upload, channelMode(channels), caller.ofApi()));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getPrediction", summary = "One of your predictions")
  @SecurityRequirement(name = "token")
  public PredictionJson get(@PathParam("id") String id) {
    return PredictionJson.of(analyses.find(RecordingId.parse(id), caller.ofApi()));
  }

  @GET
  @Operation(operationId = "listPredictions", summary = "Your history, newest first, paged")
  @SecurityRequirement(name = "token")
  public PredictionPage list(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new SerException(
          "bad_page", "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
    }
    var who = caller.ofApi();
    return new PredictionPage(
        page,
        size,
        analyses.historySize(who),
        analyses.history(who, page * size, size).stream().map(PredictionJson::of).toList());
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deletePrediction",
      summary = "Delete one of your predictions with its audio")
  @SecurityRequirement(name = "token")
  public Response delete(@PathParam("id") String id) {
    analyses.delete(RecordingId.parse(id), caller.ofApi());
    return Response.noContent().build();
  }

  private Response created(AnalysedRecording stored) {
    return Response.created(uri.getAbsolutePathBuilder().path(stored.id().toString()).build())
        .entity(PredictionJson.of(stored))
        .build();
  }

  /**
   * The {@code channels} query parameter: {@code mixed} (the default) analyses one voice, {@code
   * separate} each channel of a stereo call on its own.
   */
  public static ChannelMode channelMode(String channels) {
    return switch (channels.strip().toLowerCase(Locale.ROOT)) {
      case "mixed" -> ChannelMode.MIXED;
      case "separate" -> ChannelMode.SEPARATE;
      default ->
          throw new SerException(
              "invalid_channels",
              "channels must be 'mixed' (the default) or 'separate', not '" + channels + "'.");
    };
  }

  private void refuseOversized(Long contentLength) {
    if (contentLength != null && contentLength > settings.maxUploadBytes() + MULTIPART_OVERHEAD) {
      throw Upload.tooLarge(settings.maxUploadBytes());
    }
  }

  private static RecordingSource sourceOf(EntityPart field) {
    if (field == null) {
      return RecordingSource.UPLOAD;
    }
    try {
      RecordingSource parsed = RecordingSource.fromLabel(field.getContent(String.class));
      if (parsed == RecordingSource.SAMPLE) {
        throw new IllegalArgumentException("samples are picked, not uploaded");
      }
      return parsed;
    } catch (IllegalArgumentException | IOException e) {
      throw new SerException("bad_source", "source must be 'upload' or 'record'.");
    }
  }
}
