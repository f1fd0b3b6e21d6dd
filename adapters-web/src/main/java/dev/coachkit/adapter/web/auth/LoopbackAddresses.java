package dev.coachkit.adapter.web.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Decides whether a peer address is the local machine, without ever doing a DNS lookup. */
final class LoopbackAddresses {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private LoopbackAddresses() {}

  /**
   * True only for literal loopback addresses (127.0.0.0/8, ::1, IPv4-mapped loopback). Host names are refused
   * because resolving them would let DNS decide who may mint tokens.
   */
  static boolean isLoopback(String peerHost) {
    if (peerHost == null || peerHost.isBlank()) {
      return false;
    }
    String host = peerHost.trim();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int zone = host.indexOf('%');
    if (zone >= 0) {
      host = host.substring(0, zone);
    }
    boolean literal = IPV4.matcher(host).matches() || (host.indexOf(':') >= 0 && host.matches("[0-9a-fA-F:.]+"));
    if (!literal) {
      return false;
    }
    try {
      // For IP literals getByName only parses, it never resolves.
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
