package dev.taskflow.devtools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Development tokens, with nothing but the JDK: a key pair for the dev server and RS256 tokens
 * signed with it. Used by {@code ./taskflow} (run as a single source file) and by the integration
 * tests. Never for production: there, tokens come from the organisation's identity provider.
 *
 * <pre>
 *   java DevJwt.java keygen DIR                      writes DIR/private.pem and DIR/public.pem
 *   java DevJwt.java token PRIVATE_PEM USER [HOURS]  prints a token for USER (default 24 hours)
 * </pre>
 */
public final class DevJwt {

  public static final String ISSUER = "taskflow-dev";

  /** The audience the server requires (mp.jwt.verify.audiences). */
  public static final String AUDIENCE = "taskflow";

  private DevJwt() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("keygen")) {
      keygen(Path.of(args[1]));
    } else if (args.length >= 3 && args[0].equals("token")) {
      long hours = args.length >= 4 ? Long.parseLong(args[3]) : 24;
      System.out.println(token(readPrivateKey(Path.of(args[1])), args[2], Duration.ofHours(hours)));
    } else {
      System.err.println("usage: DevJwt keygen DIR | DevJwt token PRIVATE_PEM USER [HOURS]");
      System.exit(2);
    }
  }

  /** Writes a new RSA 2048 key pair as PEM files, the private one readable by its owner only. */
  public static void keygen(Path dir) throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Path privatePem = dir.resolve("private.pem");
    Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    try {
      Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing more we can do
    }
    Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  public static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
    String base64 =
        Files.readString(pem).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  /** A token for {@code user} valid for {@code ttl} from now. */
  public static String token(PrivateKey key, String user, Duration ttl) throws GeneralSecurityException {
    Instant now = Instant.now();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("aud", AUDIENCE);
    claims.put("sub", user);
    claims.put("upn", user);
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(ttl).getEpochSecond());
    return sign(key, claims);
  }

  /** Signs any claims with RS256; tests use it for expired tokens and odd claims. */
  public static String sign(PrivateKey key, Map<String, Object> claims) throws GeneralSecurityException {
    String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    String payload = base64Url(json(claims));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
  }

  private static String json(Map<String, Object> claims) {
    StringBuilder json = new StringBuilder("{");
    claims.forEach(
        (name, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append(quoted(name)).append(':');
          json.append(value instanceof Number || value instanceof Boolean ? value.toString() : quoted(String.valueOf(value)));
        });
    return json.append('}').toString();
  }

  private static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String base64Url(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
