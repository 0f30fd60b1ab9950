## bench/local.mk -- the benchmark's programs and files (included by Makefile.am).
