package dev.tangram.engine.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Our signer and verifier against the Standard Webhooks reference test vectors. */
class WebhookSignatureTests {

  // The reference libraries' test vector (standard-webhooks, libraries/*/webhook test "sign function works").
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330L;
  private static final String PAYLOAD = "{\"test\": 2432232314}";
  private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final Instant AT = Instant.ofEpochSecond(TIMESTAMP);

  @Test
  void signsTheReferenceVectorExactly() {
    assertThat(WebhookSignature.sign(SECRET, MSG_ID, TIMESTAMP, PAYLOAD)).isEqualTo(EXPECTED);
    assertThat(WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", MSG_ID, TIMESTAMP, PAYLOAD)).isEqualTo(EXPECTED);
  }

  @Test
  void verifiesTheReferenceVectorAndMultipleSignatures() {
    WebhookSignature.verify(SECRET, MSG_ID, Long.toString(TIMESTAMP), EXPECTED, PAYLOAD, AT);
    String several = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= "
        + EXPECTED + " v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
    WebhookSignature.verify(SECRET, MSG_ID, Long.toString(TIMESTAMP), several, PAYLOAD, AT);
  }

  @Test
  void refusesWhatTheReferenceSuiteRefuses() {
    String ts = Long.toString(TIMESTAMP);
    assertRefused(null, ts, EXPECTED, PAYLOAD, AT);                                    // missing id
    assertRefused(MSG_ID, null, EXPECTED, PAYLOAD, AT);                                // missing timestamp
    assertRefused(MSG_ID, "hello", EXPECTED, PAYLOAD, AT);                             // invalid timestamp
    assertRefused(MSG_ID, ts, null, PAYLOAD, AT);                                      // missing signature
    assertRefused(MSG_ID, ts, "v1,dawfeoifkpqwoekfpqoekf", PAYLOAD, AT);               // invalid signature
    assertRefused(MSG_ID, ts, EXPECTED.substring(0, 8), PAYLOAD, AT);                  // partial signature
    assertRefused(MSG_ID, ts, "v1,", PAYLOAD, AT);
    assertRefused(MSG_ID, ts, "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", PAYLOAD, AT);
    assertRefused(MSG_ID, ts, EXPECTED, PAYLOAD + " ", AT);                            // body changed
    assertRefused(MSG_ID, ts, EXPECTED, PAYLOAD, AT.plusSeconds(5 * 60 + 1));          // old timestamp
    assertRefused(MSG_ID, ts, EXPECTED, PAYLOAD, AT.minusSeconds(5 * 60 + 1));         // new timestamp
  }

  @Test
  void newSecretsAreStandardAndSignRoundTrip() {
    String secret = WebhookSignature.newSecret();
    assertThat(secret).startsWith("whsec_").hasSize(6 + 44);
    String signature = WebhookSignature.sign(secret, "msg_1", 1700000000L, "{}");
    WebhookSignature.verify(secret, "msg_1", "1700000000", signature, "{}", Instant.ofEpochSecond(1700000100L));
  }

  private static void assertRefused(String id, String ts, String sig, String body, Instant now) {
    assertThatThrownBy(() -> WebhookSignature.verify(SECRET, id, ts, sig, body, now)).isInstanceOf(InvalidSignatureException.class);
  }
}
