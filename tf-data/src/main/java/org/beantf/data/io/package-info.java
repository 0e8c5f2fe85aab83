/**
 * File-system steps that keep outputs whole: {@link org.beantf.data.io.OutputFolder} (an output
 * folder that appears only complete) and {@link org.beantf.data.io.Folders} (atomic writes, checks
 * before work). Public API.
 */
package org.beantf.data.io;
