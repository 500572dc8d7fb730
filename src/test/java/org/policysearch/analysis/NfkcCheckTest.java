package org.policysearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link NfkcCharFilter#isNfkc}'s fast path against the JDK's own check, the oracle. */
class NfkcCheckTest {
  private static boolean jdk(CharSequence s) {
    return Normalizer.isNormalized(s, Normalizer.Form.NFKC);
  }

  @Test
  void everyCharacterOfTheBasicPlaneAnswersAsTheJdk() {
    for (int c = 0; c <= 0xFFFF; c++) {
      if (Character.isSurrogate((char) c)) continue;
      String s = String.valueOf((char) c);
      assertEquals(jdk(s), NfkcCharFilter.isNfkc(s), String.format("U+%04X", c));
      // and after an ASCII letter and an ideograph, where a combining mark would compose
      assertEquals(jdk("e" + s), NfkcCharFilter.isNfkc("e" + s), String.format("e U+%04X", c));
      assertEquals(jdk("国" + s + "a"), NfkcCharFilter.isNfkc("国" + s + "a"), String.format("国 U+%04X a", c));
    }
  }

  @Test
  void randomMixedTextAnswersAsTheJdk() {
    Random r = new Random(20);
    String pool = "ab Z09,.;:!?()《》「」【】、。“”‘’—–·安全可控中国制造é\u0301\uFF0C\u3000\u2026\uF900\u00A0\u00B2ﬁＡ";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = 1 + r.nextInt(40);
      for (int j = 0; j < n; j++) b.append(pool.charAt(r.nextInt(pool.length())));
      assertEquals(jdk(b), NfkcCharFilter.isNfkc(b), b.toString());
    }
  }
}
