package org.beantf.serving;

import org.beantf.savedmodels.BeanModel;

/**
 * One version of a served model: its state and status as the status API reports them, and, while it
 * is AVAILABLE, the {@link BeanModel} every request to it shares. Requests hold a lease ({@link
 * #acquire}, {@link #release}); a retired version takes no new lease and closes its model when the
 * last one is released, so a swap never fails a request in flight.
 */
final class ServableVersion {
  private final long version;
  private final BeanModel model;
  private VersionState state;
  private String errorCode = "OK";
  private String errorMessage = "";
  private int leases;
  private boolean retired;

  private ServableVersion(long version, BeanModel model, VersionState state) {
    this.version = version;
    this.model = model;
    this.state = state;
  }

  /** A loaded, warmed version, ready to answer. */
  static ServableVersion available(long version, BeanModel model) {
    return new ServableVersion(version, model, VersionState.AVAILABLE);
  }

  /** A version that failed to load: END with {@code code} (a TF Serving error code) and why. */
  static ServableVersion failed(long version, String code, String message) {
    ServableVersion failed = new ServableVersion(version, null, VersionState.END);
    failed.errorCode = code;
    failed.errorMessage = message;
    failed.retired = true;
    return failed;
  }

  long version() {
    return version;
  }

  BeanModel model() {
    return model;
  }

  synchronized VersionState state() {
    return state;
  }

  synchronized String errorCode() {
    return errorCode;
  }

  synchronized String errorMessage() {
    return errorMessage;
  }

  /** Takes a lease for one request; false once the version is retired. */
  synchronized boolean acquire() {
    if (retired) {
      return false;
    }
    leases++;
    return true;
  }

  /** Ends a lease; the last one of a retired version closes its model. */
  void release() {
    boolean close;
    synchronized (this) {
      leases--;
      close = retired && leases == 0 && state == VersionState.UNLOADING;
      if (close) {
        state = VersionState.END;
      }
    }
    if (close) {
      model.close();
    }
  }

  /**
   * Stops new requests (UNLOADING) and closes the model once the requests in flight finish (END).
   */
  void retire() {
    boolean close;
    synchronized (this) {
      if (retired) {
        return;
      }
      retired = true;
      state = leases == 0 ? VersionState.END : VersionState.UNLOADING;
      close = leases == 0;
    }
    if (close) {
      model.close();
    }
  }
}
