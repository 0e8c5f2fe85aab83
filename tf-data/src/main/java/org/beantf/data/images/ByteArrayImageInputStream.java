package org.beantf.data.images;

import java.io.IOException;
import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An {@link javax.imageio.stream.ImageInputStream} over bytes already in memory: a small file read
 * in one system call, so that the readers' many small reads cost no system call each.
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {
  private final byte[] bytes;

  ByteArrayImageInputStream(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int read() throws IOException {
    checkClosed();
    bitOffset = 0;
    return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    checkClosed();
    Objects.checkFromIndexSize(offset, length, target.length);
    bitOffset = 0;
    if (length == 0) {
      return 0;
    }
    long left = bytes.length - streamPos;
    if (left <= 0) {
      return -1;
    }
    int n = (int) Math.min(length, left);
    System.arraycopy(bytes, (int) streamPos, target, offset, n);
    streamPos += n;
    return n;
  }

  @Override
  public long length() {
    return bytes.length;
  }
}
