package dev.ser.web.analysis;

import dev.ser.audio.decode.ChannelMode;
import dev.ser.domain.SerException;
import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.web.WebSettings;
import dev.ser.web.account.CurrentCaller;
import dev.ser.web.error.ErrorJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * {@code /api/v1/predictions}: send audio, get a stored prediction; read, list, share and delete
 * your own. Anonymous callers may analyse (the answer is in the response); listing, reading and
 * deleting need a personal API token ({@code Authorization: Bearer}) or a browser session. Reading
 * and listing answer in JSON or, asked with {@code Accept: text/csv} or {@code format=csv}, in CSV
 * ({@link PredictionCsv}); the pages' download links use the query parameters.
 */
@Path("predictions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class PredictionsResource {
  static final int MAX_PAGE_SIZE = 100;

  private static final String CSV = "text/csv";
  private static final String CSV_DESCRIPTION =
      "RFC 4180 CSV, UTF-8, with a header row: id, created_at, source, filename, model_version,"
          + " duration_seconds, row, start, end, emotion, confidence, anger, disgust, fear, happy,"
          + " neutral, sad, channel. One row per stretch: row 'clip' for the whole recording"
          + " (start 0, end its duration), 'segment' for each stretch of speech, 'window' for each"
          + " window of the timeline; with channels=separate each channel has its own clip,"
          + " segment and window rows with its number (from 0) in channel, empty otherwise."
          + " Always sent as a file (Content-Disposition: attachment).";
  private static final String FORMAT_DESCRIPTION =
      "json or csv: the answer's format, in place of the Accept header (which it overrides), for"
          + " links that cannot set headers";
  private static final String DOWNLOAD_DESCRIPTION =
      "1: send the answer as a file to save (Content-Disposition: attachment; filename"
          + " ser-{id}.json or ser-history.json); CSV always is";
  private static final String NOT_ACCEPTABLE_DESCRIPTION =
      "Accept names neither application/json nor text/csv, or format is neither json nor csv";

  /** Room for multipart boundaries and part headers around a file at the limit. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;

  @Inject Analyses analyses;
  @Inject CurrentCaller caller;
  @Inject WebSettings settings;
  @Inject Sharing sharing;
  @Context UriInfo uri;
  @Context HttpServletRequest request;
  @Context HttpHeaders headers;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "createPredictionFromForm",
      summary = "Analyse an uploaded file (multipart field 'file')",
      // Documented with the raw-body operation: OpenAPI has one POST per path.
      hidden = true)
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
      summary = "Analyse audio: a multipart 'file' field, or the raw body with its Content-Type")
  @RequestBody(
      required = true,
      description =
          "The audio: either a multipart/form-data upload with the file in a field named 'file'"
              + " (curl -F file=@speech.wav), or the raw bytes as the body with their Content-Type"
              + " (WAV, MP3, M4A/AAC, FLAC, Ogg/Opus, WebM).",
      content = {
        @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA,
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    requiredProperties = "file",
                    properties = {
                      @SchemaProperty(
                          name = "file",
                          type = SchemaType.STRING,
                          format = "binary",
                          description = "the recording"),
                    })),
        @Content(
            mediaType = "audio/*",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(
      responseCode = "201",
      description = "the prediction, stored; Location is its URL",
      content = @Content(schema = @Schema(implementation = PredictionJson.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "not usable audio (corrupt_audio, empty_audio, silent_audio, audio_too_short, or"
              + " no_speech: under 0.5 s of speech), missing_file, invalid_channels",
      content = @Content(schema = @Schema(implementation = ErrorJson.class)))
  @APIResponse(
      responseCode = "413",
      description = "upload_too_large or audio_too_long",
      content = @Content(schema = @Schema(implementation = ErrorJson.class)))
  @APIResponse(
      responseCode = "415",
      description = "unsupported_media_type or unsupported_audio: not an audio format we read",
      content = @Content(schema = @Schema(implementation = ErrorJson.class)))
  @APIResponse(
      responseCode = "429",
      description = "too_many_requests: this client's analyses are all running; see Retry-After",
      content = @Content(schema = @Schema(implementation = ErrorJson.class)))
  @APIResponse(
      responseCode = "503",
      description =
          "model_unavailable, database_unavailable or blob_store_unavailable; see Retry-After",
      content = @Content(schema = @Schema(implementation = ErrorJson.class)))
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
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @Operation(
      operationId = "getPrediction",
      summary = "One of your predictions, as JSON or CSV (Accept: text/csv, or format=csv)")
  @SecurityRequirement(name = "token")
  @APIResponse(
      responseCode = "200",
      description = "the prediction",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PredictionJson.class)),
        @Content(
            mediaType = CSV,
            schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION))
      })
  @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE_DESCRIPTION)
  public Response get(
      @PathParam("id") String id,
      @Parameter(description = FORMAT_DESCRIPTION, schema = @Schema(enumeration = {"json", "csv"}))
          @QueryParam("format")
          String format,
      @Parameter(description = DOWNLOAD_DESCRIPTION, schema = @Schema(enumeration = {"0", "1"}))
          @QueryParam("download")
          @DefaultValue("0")
          String download) {
    PredictionFormat chosen = PredictionFormat.choose(format, headers.getAcceptableMediaTypes());
    boolean attachment = isDownload(download);
    PredictionJson prediction =
        PredictionJson.of(analyses.find(RecordingId.parse(id), caller.ofApi()));
    return answer(chosen, attachment, "ser-" + prediction.id(), prediction, List.of(prediction));
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @Operation(
      operationId = "listPredictions",
      summary =
          "Your history, newest first, paged; as JSON or CSV (Accept: text/csv, or format=csv)")
  @SecurityRequirement(name = "token")
  @APIResponse(
      responseCode = "200",
      description = "one page of the history",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PredictionPage.class)),
        @Content(
            mediaType = CSV,
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    description = CSV_DESCRIPTION + " The page's recordings, newest first."))
      })
  @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE_DESCRIPTION)
  public Response list(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size,
      @Parameter(description = FORMAT_DESCRIPTION, schema = @Schema(enumeration = {"json", "csv"}))
          @QueryParam("format")
          String format,
      @Parameter(description = DOWNLOAD_DESCRIPTION, schema = @Schema(enumeration = {"0", "1"}))
          @QueryParam("download")
          @DefaultValue("0")
          String download) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new SerException(
          "bad_page", "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
    }
    PredictionFormat chosen = PredictionFormat.choose(format, headers.getAcceptableMediaTypes());
    boolean attachment = isDownload(download);
    var who = caller.ofApi();
    List<PredictionJson> items =
        analyses.history(who, page * size, size).stream().map(PredictionJson::of).toList();
    PredictionPage json = new PredictionPage(page, size, analyses.historySize(who), items);
    return answer(chosen, attachment, "ser-history", json, items);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deletePrediction",
      summary = "Delete one of your predictions with its audio")
  @SecurityRequirement(name = "token")
  @APIResponse(responseCode = "204", description = "deleted, with its audio")
  @APIResponse(
      responseCode = "401",
      description = "unauthorized: no valid token or session",
      content = @Content(schema = @Schema(implementation = ErrorJson.class)))
  @APIResponse(
      responseCode = "404",
      description = "not_found: no such prediction, or not yours",
      content = @Content(schema = @Schema(implementation = ErrorJson.class)))
  public Response delete(@PathParam("id") String id) {
    analyses.delete(RecordingId.parse(id), caller.ofApi());
    return Response.noContent().build();
  }

  /** The answer to sharing: the link, shown only this once. */
  public record ShareJson(String url) {}

  @POST
  @Path("{id}/share")
  @Operation(
      operationId = "sharePrediction",
      summary =
          "Make a read-only link to one of your predictions, replacing its earlier link: anyone"
              + " with it sees the result and plays the audio, without signing in")
  @APIResponse(
      responseCode = "201",
      description = "{\"url\": ...}, the link; only its hash is kept, so it is shown only now")
  @APIResponse(responseCode = "404", description = "no such prediction of yours")
  @SecurityRequirement(name = "token")
  public Response share(@PathParam("id") String id) {
    RecordingId recording = RecordingId.parse(id);
    URI link = Sharing.link(request, sharing.share(recording, caller.ofApi().requireAccount()));
    return Response.created(link).entity(new ShareJson(link.toString())).build();
  }

  @DELETE
  @Path("{id}/share")
  @Operation(
      operationId = "unsharePrediction",
      summary = "Stop sharing one of your predictions: its link opens nothing any more")
  @APIResponse(responseCode = "204", description = "not shared (any more)")
  @APIResponse(responseCode = "404", description = "no such prediction of yours")
  @SecurityRequirement(name = "token")
  public Response unshare(@PathParam("id") String id) {
    sharing.unshare(RecordingId.parse(id), caller.ofApi().requireAccount());
    return Response.noContent().build();
  }

  private Response created(AnalysedRecording stored) {
    return Response.created(uri.getAbsolutePathBuilder().path(stored.id().toString()).build())
        .entity(PredictionJson.of(stored))
        .build();
  }

  /**
   * The answer in {@code format}: {@code json} itself, or {@code predictions} as CSV; as a file to
   * save ({@code Content-Disposition: attachment}) when it is CSV or {@code attachment} is set.
   */
  private static Response answer(
      PredictionFormat format,
      boolean attachment,
      String filename,
      Object json,
      List<PredictionJson> predictions) {
    Response.ResponseBuilder response =
        switch (format) {
          case JSON -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE);
          case CSV -> Response.ok(csv(predictions), PredictionCsv.MEDIA_TYPE);
        };
    if (attachment || format == PredictionFormat.CSV) {
      response.header(
          "Content-Disposition",
          "attachment; filename=\"" + filename + "." + format.extension() + "\"");
    }
    return response.build();
  }

  private static StreamingOutput csv(List<PredictionJson> predictions) {
    return out -> {
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      PredictionCsv.write(predictions, writer);
      writer.flush();
    };
  }

  /** The {@code download} query parameter: {@code 1} (or {@code true}) asks for a file to save. */
  static boolean isDownload(String download) {
    return switch (download.strip().toLowerCase(Locale.ROOT)) {
      case "1", "true" -> true;
      case "0", "false" -> false;
      default ->
          throw new SerException(
              "invalid_download", "download must be 1 or 0, not '" + download + "'.");
    };
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
