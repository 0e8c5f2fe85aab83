#!/usr/bin/perl
# Drops TensorFlow's native informational log lines from a stream (the bean launcher runs the JVM's stderr through
# it, unless BEAN_DEBUG=1): absl's "WARNING: All log messages before absl::InitializeLog() is called are written to
# STDERR", absl-format info and warning lines ("I0000 00:00:1795979640.716931 17617 mlir_graph_optimization_pass.cc:401]
# …", which TF_CPP_MIN_LOG_LEVEL does not silence) and TensorFlow's own format ("2026-11-29 18:17:47.166765: I
# tensorflow/…"). Error and fatal lines pass. Everything else passes as soon as it is read, a partial line (a
# progress bar's carriage-return redraw) included: absl writes each line whole, in one write.
use strict;
use warnings;

$| = 1;
my $tf_line = qr{
    ^WARNING:\ All\ log\ messages\ before\ absl::InitializeLog\(\)
  | ^[IW]\d{4}\ [\d:.]+\s+\d+\ \S+:\d+\]\ 
  | ^\d{4}-\d\d-\d\d\ \d\d:\d\d:\d\d\.\d+:\ [IW]\ \S+:\d+\]\ 
}x;
my $pending = '';
while (sysread(STDIN, my $chunk, 65536)) {
    $pending .= $chunk;
    while ($pending =~ s/\A([^\n]*\n)//) {
        my $line = $1;
        print $line unless $line =~ $tf_line;
    }
    # a partial line: held only while it could still become one of TensorFlow's
    if ($pending ne '' && $pending !~ /\A(?:W|[IW]\d|\d{4}-)/) {
        print $pending;
        $pending = '';
    }
}
print $pending;
