package echobench.reports.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
  @TempDir Path dir;

  @Test
  void knownStringsGiveTheirPublishedDigests() {
    // FIPS 180-2 appendix B.1 ("abc") and the digest of no bytes at all.
    assertThat(Sha256.hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.hex(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(Sha256.hex("abc"));
  }

  @Test
  void aFileIsStreamedToTheDigestOfItsBytes() throws IOException {
    byte[] bytes = new byte[200_003]; // three 64 KiB blocks and a remainder
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    Path file = Files.write(dir.resolve("weights.bin"), bytes);
    assertThat(Sha256.hexOfFile(file)).isEqualTo(Sha256.hex(bytes));
    assertThat(Sha256.hexOfFile(Files.writeString(dir.resolve("abc.txt"), "abc")))
        .isEqualTo(Sha256.hex("abc"));
  }

  @Test
  void anUnreadableFileIsBadInputNamingIt() {
    Path missing = dir.resolve("absent.safetensors");
    assertThatThrownBy(() -> Sha256.hexOfFile(missing)).isInstanceOf(InputException.class)
        .hasMessageStartingWith(missing + ": cannot read");
  }

  @Test
  void partsAreLengthPrefixedAndNumbersAreEightBigEndianBytes() {
    assertThat(Sha256.start().addPart("ab").addPart("c").hex())
        .isNotEqualTo(Sha256.start().addPart("a").addPart("bc").hex());
    // A part is its length as 4 big-endian bytes, then its UTF-8 bytes.
    assertThat(Sha256.start().addPart("abc").hex())
        .isEqualTo(Sha256.hex(new byte[] {0, 0, 0, 3, 'a', 'b', 'c'}));
    assertThat(Sha256.start().addLong(258).hex())
        .isEqualTo(Sha256.hex(new byte[] {0, 0, 0, 0, 0, 0, 1, 2}));
  }
}
