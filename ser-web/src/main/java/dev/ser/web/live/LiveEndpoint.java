package dev.ser.web.live;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /api/v1/live}: emotion while a person speaks. The client sends 16-bit PCM in binary frames
 * (and optionally its settings first, {@code {"end": true}} last); the server answers an update
 * after every second of audio and a final result (docs/live.md).
 */
@ServerEndpoint(value = "/api/v1/live", configurator = LiveHandshake.class)
public class LiveEndpoint {
  private static final Logger LOG = Logger.getLogger(LiveEndpoint.class.getName());

  /** Text messages are a few settings: far below this. */
  private static final int MAX_TEXT_BYTES = 4096;

  @Inject LiveStreams streams;

  private LiveConnection connection;

  @OnOpen
  public void open(Session session, EndpointConfig config) {
    Object client = session.getUserProperties().get(LiveHandshake.CLIENT);
    if (client == null) {
      client = config.getUserProperties().get(LiveHandshake.CLIENT);
    }
    LiveSettings settings = streams.settings();
    // Twice the limit, so a frame just over it gets this protocol's error, not the container's.
    session.setMaxBinaryMessageBufferSize(2 * settings.maxFrameBytes());
    session.setMaxTextMessageBufferSize(MAX_TEXT_BYTES);
    session.setMaxIdleTimeout((settings.idleSeconds() + 30) * 1000L);
    connection =
        streams.connect(session, client instanceof LiveClient c ? c : LiveClient.unknown());
  }

  @OnMessage
  public void text(String message) {
    connection.text(message);
  }

  @OnMessage
  public void audio(ByteBuffer frame) {
    connection.audio(frame);
  }

  @OnClose
  public void close(CloseReason reason) {
    if (connection != null) {
      connection.closed();
    }
  }

  @OnError
  public void error(Throwable error) {
    LOG.log(Level.FINE, "live stream error", error);
    if (connection != null) {
      connection.closed();
    }
  }
}
