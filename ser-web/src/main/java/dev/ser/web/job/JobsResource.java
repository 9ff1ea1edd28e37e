package dev.ser.web.job;

import dev.ser.domain.SerException;
import dev.ser.domain.job.Job;
import dev.ser.domain.job.JobId;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.storage.job.Jobs;
import dev.ser.web.Storage;
import dev.ser.web.WebSettings;
import dev.ser.web.account.Caller;
import dev.ser.web.account.CurrentCaller;
import dev.ser.web.analysis.PredictionsResource;
import dev.ser.web.analysis.Upload;
import dev.ser.web.error.ErrorJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/jobs}: a batch of recordings analysed in the background. {@code POST} takes the
 * bodies {@code /api/v1/predictions} takes, or several {@code file} parts in one multipart request,
 * stores them and answers 202 with a {@code Location}; {@code GET /api/v1/jobs/{id}} follows it
 * (state, progress, the predictions made). A signed-in caller's job and predictions are theirs and
 * only theirs to read; an anonymous job is readable by whoever holds its (unguessable) id, and its
 * predictions are kept like any anonymous analysis.
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class JobsResource {
  private static final long MULTIPART_OVERHEAD = 64 * 1024;

  @Inject Storage storage;
  @Inject JobSubmissions submissions;
  @Inject Callbacks callbacks;
  @Inject CurrentCaller caller;
  @Inject WebSettings settings;

  @Inject
  @ConfigProperty(name = "ser.jobs.max-files", defaultValue = "20")
  int maxFiles;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "createJobFromForm",
      summary = "Analyse one or more uploaded files (multipart fields 'file') in the background",
      // Documented with the raw-body operation: OpenAPI has one POST per path.
      hidden = true)
  @APIResponse(responseCode = "202", description = "the job, queued; Location is its URL")
  @APIResponse(
      responseCode = "400",
      description = "no file, too many files, a bad channels value or a callback not allowed")
  @APIResponse(responseCode = "413", description = "a file over the upload limit")
  @APIResponse(responseCode = "415", description = "a file that is not audio")
  public Response createFromForm(
      List<EntityPart> parts,
      @Parameter(description = "mixed (default) or separate, as for predictions")
          @QueryParam("channels")
          @DefaultValue("mixed")
          String channels,
      @Parameter(description = "URL to POST the finished job to; only hosts an admin allows")
          @QueryParam("callback")
          String callback,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength) {
    if (contentLength != null
        && contentLength > maxFiles * (settings.maxUploadBytes() + MULTIPART_OVERHEAD)) {
      throw Upload.tooLarge(settings.maxUploadBytes());
    }
    List<Upload> uploads = new ArrayList<>();
    for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
      if (!part.getName().equals("file")) {
        continue;
      }
      if (uploads.size() == maxFiles) {
        throw tooManyFiles();
      }
      uploads.add(Upload.of(part, settings.maxUploadBytes(), RecordingSource.UPLOAD));
    }
    return created(uploads, channels, callback);
  }

  @POST
  @Consumes({"audio/*", "video/webm", "video/mp4", "video/ogg", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      operationId = "createJob",
      summary =
          "Analyse audio in the background: multipart 'file' fields, or the raw body with its"
              + " Content-Type")
  @RequestBody(
      required = true,
      description =
          "The audio: either a multipart/form-data upload with one or more files in fields"
              + " named 'file' (curl -F file=@a.wav -F file=@b.mp3), or the raw bytes as the body with their Content-Type"
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
                          description = "a recording; repeat the field for more"),
                    })),
        @Content(
            mediaType = "audio/*",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(
      responseCode = "202",
      description = "the job, queued; Location is its URL",
      content = @Content(schema = @Schema(implementation = JobJson.class)))
  @APIResponse(
      responseCode = "400",
      description = "missing_file, too_many_files, invalid_channels, or callback_not_allowed",
      content = @Content(schema = @Schema(implementation = ErrorJson.class)))
  @APIResponse(
      responseCode = "413",
      description = "upload_too_large: a file over the upload limit",
      content = @Content(schema = @Schema(implementation = ErrorJson.class)))
  @APIResponse(
      responseCode = "415",
      description = "unsupported_media_type: a file that is not audio",
      content = @Content(schema = @Schema(implementation = ErrorJson.class)))
  @APIResponse(
      responseCode = "429",
      description = "too_many_requests: this client has too many jobs waiting or running",
      content = @Content(schema = @Schema(implementation = ErrorJson.class)))
  public Response create(
      InputStream body,
      @QueryParam("channels") @DefaultValue("mixed") String channels,
      @QueryParam("callback") String callback,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
    return created(
        List.of(Upload.ofBody(body, contentType, settings.maxUploadBytes())), channels, callback);
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getJob", summary = "A job: state, progress and its predictions")
  @APIResponse(responseCode = "200", description = "the job")
  @APIResponse(responseCode = "404", description = "no such job, or not yours")
  public JobJson get(@PathParam("id") String id) {
    Caller who = caller.ofApi();
    return JobId.parse(id)
        .flatMap(jobId -> storage.database().inTransaction(em -> new Jobs(em).find(jobId)))
        .filter(job -> job.owner().isEmpty() || job.owner().equals(who.userId()))
        .map(JobJson::of)
        .orElseThrow(() -> new SerException("not_found", "No job '" + id + "'."));
  }

  private Response created(List<Upload> uploads, String channels, String callback) {
    Job job =
        submissions.submit(
            uploads,
            PredictionsResource.channelMode(channels),
            callbacks.check(callback),
            caller.ofApi());
    return Response.accepted(JobJson.of(job))
        .location(URI.create("/api/v1/jobs/" + job.id()))
        .build();
  }

  private SerException tooManyFiles() {
    return new SerException(
        "too_many_files", "A job takes at most " + maxFiles + " files; send the rest in another.");
  }
}
