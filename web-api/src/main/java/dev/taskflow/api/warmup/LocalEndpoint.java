package dev.taskflow.api.warmup;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Where this server itself listens, for the warm-up's requests to it. */
final class LocalEndpoint {

  private static final Logger LOG = Logger.getLogger(LocalEndpoint.class.getName());

  private LocalEndpoint() {}

  /**
   * {@code configured} if set (taskflow.warmup.base-url); otherwise the plain-HTTP port of Liberty's
   * defaultHttpEndpoint as its MBean reports it, on the address it listens on (loopback when it
   * listens on all of them); failing that, HTTP_PORT (9080).
   */
  static URI discover(Optional<String> configured) {
    if (configured.isPresent() && !configured.get().isBlank()) {
      return URI.create(configured.get());
    }
    String host = "127.0.0.1";
    int port = -1;
    try {
      MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
      ObjectName endpoint = new ObjectName("WebSphere:feature=channelfw,type=endpoint,name=defaultHttpEndpoint");
      port = ((Number) mbeans.getAttribute(endpoint, "Port")).intValue();
      String listens = String.valueOf(mbeans.getAttribute(endpoint, "Host"));
      if (!List.of("*", "0.0.0.0", "::", "", "null").contains(listens)) {
        host = listens.contains(":") ? "[" + listens + "]" : listens;
      }
    } catch (Exception e) {
      LOG.log(Level.FINE, "defaultHttpEndpoint MBean not available: " + e, e);
    }
    if (port <= 0) {
      port = Integer.parseInt(System.getenv().getOrDefault("HTTP_PORT", "9080"));
    }
    return URI.create("http://" + host + ":" + port);
  }

  /** This machine's name, at most {@code max} characters. */
  static String hostName(int max) {
    String name;
    try {
      name = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      name = "localhost";
    }
    return name.length() <= max ? name : name.substring(0, max);
  }
}
