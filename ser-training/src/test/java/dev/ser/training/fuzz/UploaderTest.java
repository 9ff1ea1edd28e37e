package dev.ser.training.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ser.audio.decode.fuzz.Mutant;
import dev.ser.audio.decode.fuzz.Mutation;
import dev.ser.audio.decode.fuzz.SeedFormat;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploaderTest {
  private final Mutant mp3 =
      new Mutant(
          4, SeedFormat.MP3, Mutation.TRUNCATION, "ID3fake".getBytes(StandardCharsets.US_ASCII));

  @Test
  void multipartBodyCarriesTheFileInTheFileFieldWithItsNameAndType() {
    String body =
        new String(
            Uploader.multipart(mp3.fileName(), mp3.format(), mp3.bytes()),
            StandardCharsets.ISO_8859_1);

    assertThat(body)
        .contains(
            "Content-Disposition: form-data; name=\"file\"; filename=\"000004-mp3-truncation.mp3\"")
        .contains("Content-Type: audio/mpeg\r\n\r\nID3fake\r\n--")
        .endsWith("--\r\n");
  }

  @Test
  void evenMutantsGoAsMultipartOddOnesAsTheRawBody() {
    Uploader uploader = new Uploader(URI.create("http://127.0.0.1:8080"));
    Mutant odd = new Mutant(5, SeedFormat.WEBM, Mutation.SPLICE, new byte[] {1, 2});

    HttpRequest multipart =
        uploader.request(mp3.fileName(), mp3.format(), mp3.bytes(), Uploader.Transport.of(mp3));
    HttpRequest raw =
        uploader.request(odd.fileName(), odd.format(), odd.bytes(), Uploader.Transport.of(odd));

    assertThat(multipart.uri()).isEqualTo(URI.create("http://127.0.0.1:8080/api/v1/predictions"));
    assertThat(multipart.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("multipart/form-data; boundary=");
    assertThat(raw.headers().firstValue("Content-Type")).hasValue("audio/webm");
    assertThat(raw.bodyPublisher().orElseThrow().contentLength()).isEqualTo(2);
  }
}
