/**
 * The {@code bean} command line (picocli): each command parses its flags and delegates to the
 * libraries; {@link org.beantf.cli.BeanCli} maps what goes wrong to exit codes (2 for bad input,
 * spelling a setting error as its flag; 1 at run time). Only {@link org.beantf.cli.BeanCli} is
 * public; the commands are internal.
 */
package org.beantf.cli;
