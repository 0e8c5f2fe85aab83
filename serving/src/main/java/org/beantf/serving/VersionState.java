package org.beantf.serving;

/**
 * The life of a model version, TF Serving's {@code ModelVersionStatus.State} (names as its REST API
 * prints them). Source: tensorflow_serving/apis/get_model_status.proto.
 */
enum VersionState {
  /** Found complete; about to load. */
  START,
  /** Loading and warming up. */
  LOADING,
  /** Answering requests. */
  AVAILABLE,
  /** No longer taking requests; closed once the requests in flight finish. */
  UNLOADING,
  /** Unloaded, or failed to load (then with an error status). */
  END
}
