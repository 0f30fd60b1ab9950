## bench/local.mk -- the benchmark's programs and files (included by Makefile.am).
## Built only by 'make bench', never by 'make' or 'make check': timings are
## no test (bench/README.md).

bench_programs = bench/floor$(EXEEXT) bench/benchlib$(EXEEXT) bench/officelog$(EXEEXT)
EXTRA_PROGRAMS = bench/floor bench/benchlib bench/officelog

bench_floor_SOURCES = bench/floor.c
bench_floor_CFLAGS = $(AM_CFLAGS) $(NCURSESW_CFLAGS)
bench_floor_LDADD = $(NCURSESW_LIBS)

bench_benchlib_SOURCES = bench/benchlib.c
bench_benchlib_LDADD = src/libsafejob.a $(QRENCODE_LIBS) $(SQLITE_LIBS) $(LIBCRYPT_LIBS) \
	$(FRIBIDI_LIBS) $(LIBINTL)

bench_officelog_SOURCES = bench/officelog.c
bench_officelog_LDADD = src/libsafejob.a $(QRENCODE_LIBS) $(SQLITE_LIBS) $(LIBCRYPT_LIBS) \
	$(FRIBIDI_LIBS) $(LIBINTL)

# The driver reads the screens back through libvterm, as tests/vtdrive does.
if HAVE_VTERM
bench_programs += bench/benchdrive$(EXEEXT)
EXTRA_PROGRAMS += bench/benchdrive
bench_benchdrive_SOURCES = bench/benchdrive.c
bench_benchdrive_CFLAGS = $(AM_CFLAGS) $(VTERM_CFLAGS)
bench_benchdrive_LDADD = $(VTERM_LIBS) -lutil
endif

EXTRA_DIST += bench/README.md bench/run bench/benchdrive.c
CLEANFILES += bench/floor$(EXEEXT) bench/benchlib$(EXEEXT) bench/benchdrive$(EXEEXT) \
	bench/officelog$(EXEEXT)

# What bench/run measures: the program, its content, and the benchmark.
bench: src/safejob$(EXEEXT) content/content.db $(bench_programs)
if !HAVE_VTERM
	@echo "bench: libvterm was not found, so bench/benchdrive is not built and"
	@echo "bench: bench/run measures only the database and QR times (apt-get install libvterm-dev)"
endif
	@echo "bench: now run: sh $(top_srcdir)/bench/run"
.PHONY: bench
