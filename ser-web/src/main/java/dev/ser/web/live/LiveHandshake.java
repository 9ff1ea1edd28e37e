package dev.ser.web.live;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Hands the {@link LiveClient} that {@link LiveHandshakeFilter} found for the upgrade request to
 * the stream's session: the container runs this on the request's own thread, inside the filter.
 */
public class LiveHandshake extends ServerEndpointConfig.Configurator {
  static final String CLIENT = "ser.live.client";

  private static final ThreadLocal<LiveClient> CURRENT = new ThreadLocal<>();

  static void during(LiveClient client, Runnable upgrade) {
    CURRENT.set(client);
    try {
      upgrade.run();
    } finally {
      CURRENT.remove();
    }
  }

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    LiveClient client = CURRENT.get();
    config.getUserProperties().put(CLIENT, client == null ? LiveClient.unknown() : client);
  }
}
