package dev.ser.web.analysis;

import dev.ser.audio.feature.Features;
import dev.ser.domain.SerException;
import dev.ser.domain.recording.RecordingId;
import dev.ser.domain.recording.SampleId;
import dev.ser.storage.blob.StoredAudio;
import dev.ser.web.account.CurrentCaller;
import dev.ser.web.error.Problem;
import dev.ser.web.picture.Spectrogram;
import dev.ser.web.picture.Waveform;
import dev.ser.web.samples.SampleAdministration;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * The audio and pictures of a result page, streamed by the application, never from a public URL:
 *
 * <ul>
 *   <li>{@code /media/recordings/{id}/audio}, {@code .../waveform.png}, {@code
 *       .../spectrogram.png}: only to the recording's owner or the anonymous session that made it
 *       (404 for everyone else, so ids cannot be probed);
 *   <li>{@code /media/shared/{key}/audio}, {@code .../waveform.png}, {@code .../spectrogram.png}:
 *       the same of a shared result, to anyone with its link's key (404 once it is revoked), never
 *       stored by a cache, so nothing outlives the link;
 *   <li>{@code /media/samples/{id}}: a published sample's audio, to anyone (admins also hear
 *       unpublished ones).
 * </ul>
 */
@WebServlet("/media/*")
public class MediaServlet extends HttpServlet {
  static final int WAVEFORM_WIDTH = 800;
  static final int WAVEFORM_HEIGHT = 200;
  static final int SPECTROGRAM_WIDTH = 800;
  static final int SPECTROGRAM_HEIGHT = 256;
  private static final String PRIVATE_CACHE = "private, max-age=3600";
  private static final String NO_STORE = "private, no-store";

  @Inject Analyses analyses;
  @Inject SampleAdministration samples;
  @Inject Sharing sharing;
  @Inject CurrentCaller caller;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String[] path = String.valueOf(request.getPathInfo()).split("/");
    try {
      if (path.length == 4 && path[1].equals("recordings")) {
        RecordingId id = RecordingId.parse(path[2]);
        recording(
            () -> analyses.audio(id, caller.inBrowser()),
            path[3],
            PRIVATE_CACHE,
            request,
            response);
      } else if (path.length == 4 && path[1].equals("shared")) {
        String key = path[2];
        recording(() -> sharing.audio(key), path[3], NO_STORE, request, response);
      } else if (path.length == 3 && path[1].equals("samples")) {
        stream(
            samples.audio(SampleId.parse(path[2]), caller.inBrowser()),
            PRIVATE_CACHE,
            request,
            response);
      } else {
        throw new SerException("not_found", "no such media");
      }
    } catch (RuntimeException e) {
      // The same classification as the API and the pages: the caller's mistake, or an outage of
      // storage or the model (503 with Retry-After); anything else is ours and goes to the 500
      // page.
      Problem problem = Problem.in(e).orElseThrow(() -> e);
      problem
          .retryAfterSeconds()
          .ifPresent(seconds -> response.setHeader("Retry-After", Integer.toString(seconds)));
      response.sendError(problem.status(), problem.message());
    }
  }

  /** A recording's audio or one of its pictures, from its audio opened for this request. */
  private void recording(
      Supplier<StoredMedia> audio,
      String what,
      String cacheControl,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    switch (what) {
      case "audio" -> stream(audio.get(), cacheControl, request, response);
      case "waveform.png" -> {
        float[] samples = analyses.pictureSamples(audio.get());
        png(Waveform.render(samples, WAVEFORM_WIDTH, WAVEFORM_HEIGHT), cacheControl, response);
      }
      case "spectrogram.png" -> {
        Features features = analyses.features(analyses.pictureSamples(audio.get()));
        png(
            Spectrogram.render(
                features.logMel(), features.spec().topDb(), SPECTROGRAM_WIDTH, SPECTROGRAM_HEIGHT),
            cacheControl,
            response);
      }
      default -> throw new SerException("not_found", "no such media");
    }
  }

  /**
   * Streams the audio, honouring a single {@code Range: bytes=...} so the page's player can seek;
   * anything else gets the whole file.
   */
  private static void stream(
      StoredMedia media,
      String cacheControl,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    try (StoredAudio audio = media.audio()) {
      long size = audio.sizeBytes();
      response.setContentType(media.contentType());
      response.setHeader("Cache-Control", cacheControl);
      response.setHeader("Accept-Ranges", "bytes");
      Optional<ByteRange> range = ByteRange.parse(request.getHeader("Range"), size);
      if (range.isEmpty()) {
        response.setContentLengthLong(size);
        audio.content().transferTo(response.getOutputStream());
        return;
      }
      ByteRange bytes = range.get();
      response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
      response.setHeader("Content-Range", bytes.contentRange(size));
      response.setContentLengthLong(bytes.length());
      InputStream in = audio.content();
      in.skipNBytes(bytes.first());
      copy(in, response.getOutputStream(), bytes.length());
    }
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = length;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        break;
      }
      out.write(buffer, 0, read);
      left -= read;
    }
  }

  private static void png(BufferedImage image, String cacheControl, HttpServletResponse response)
      throws IOException {
    response.setContentType("image/png");
    response.setHeader("Cache-Control", cacheControl);
    try (OutputStream out = response.getOutputStream()) {
      ImageIO.write(image, "png", out);
    }
  }
}
