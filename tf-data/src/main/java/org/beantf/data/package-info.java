/**
 * Datasets without native TensorFlow: {@link org.beantf.data.DatasetId} (what each dataset is and
 * its files), {@link org.beantf.data.Dataset} and {@link org.beantf.data.ImageSet} (pixels in
 * [0,1], labels), the IDX and CIFAR-10 readers, and the typed exceptions for bad input: {@link
 * org.beantf.data.BadInputException} and {@link org.beantf.data.InvalidSettingException}, which
 * names a setting so that the command line can spell it as its flag.
 */
package org.beantf.data;
