# pg-server.sh -- sourced by the tests of the shared office log (issue 22):
# a PostgreSQL server of the test's own, made with initdb in a temporary
# folder and reached on a Unix socket there only (no TCP port, so tests
# running at once never meet), stopped and removed when the test ends.
#
# PostgreSQL refuses to run as root: a test run as root (CI) runs the
# server as the user 'postgres' (Debian's postgresql package makes it), or
# 'nobody'. The test is skipped only when the server's programs are not
# installed (kiosk/install-deps installs them; a skip fails CI).
#
# After sourcing: $work (a folder for the test's own files, removed with
# the server), $pg_host (the socket's folder, for host=), pg_sql ROLE
# SQL... (psql, one value a line, stopping at the first error), pg_role
# NAME (a role that logs in with its password, and $server to use it),
# pg_stop_server and pg_start_server (a server stopped mid-run and started
# again, its data kept). The superuser is 'postgres'; the roles a test
# makes connect with a password (scram-sha-256) unless it is 'owner',
# the database's owner, which is trusted as the superuser is.

# The server's programs: PG_BINDIR, else where initdb on the PATH really
# is (a link to it may stand alone in /usr/local/bin), else the newest of
# Debian's /usr/lib/postgresql/VERSION/bin.
pg_bindir=${PG_BINDIR:-}
if [ -z "$pg_bindir" ] && command -v initdb >/dev/null 2>&1; then
  pg_bindir=$(dirname "$(readlink -f "$(command -v initdb)")")
fi
if [ -z "$pg_bindir" ]; then
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n); do
    [ -x "$dir/initdb" ] && pg_bindir=$dir
  done
fi
if [ -z "$pg_bindir" ] || [ ! -x "$pg_bindir/initdb" ] || [ ! -x "$pg_bindir/psql" ]; then
  echo "1..0 # SKIP PostgreSQL's server is not installed (apt-get install postgresql)"
  exit 0
fi

pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/safejob-pg.XXXXXX") || exit 1
pg_host=$pg_dir
# as_server COMMAND...: runs COMMAND as the server's user.
if [ "$(id -u)" -eq 0 ]; then
  pg_user=postgres
  id "$pg_user" >/dev/null 2>&1 || pg_user=nobody
  chown "$pg_user" "$pg_dir"
  as_server () { runuser -u "$pg_user" -- "$@"; }
else
  as_server () { "$@"; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-pg-test.XXXXXX") || exit 1
pg_cleanup () {
  as_server "$pg_bindir/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pg_dir" "$work"
}
trap pg_cleanup EXIT

# The server's own log is kept beside the data and shown when a start fails.
pg_start_server () {
  # fsync off: a test's data need not outlive a crash of the machine, and
  # the tests must not wait on the disk. (A stop with -m immediate still
  # keeps every commit: the operating system has them.)
  # (The server gets none of the test's descriptors beyond the three: one
  # it kept open for writing would keep a test's pipe from ever ending.)
  if ! as_server "$pg_bindir/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
       -o "-k $pg_dir -c listen_addresses= -c fsync=off -c max_connections=40" start \
       </dev/null >/dev/null 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-
  then
    echo "Bail out! the test's PostgreSQL server did not start:"
    sed 's/^/# /' "$pg_dir/server.log"
    exit 1
  fi
}
# pg_stop_server [MODE]: fast (the default: connections told and closed)
# or immediate (as if it crashed; it recovers when started).
pg_stop_server () {
  as_server "$pg_bindir/pg_ctl" -D "$pg_dir/data" -m "${1:-fast}" -w stop >/dev/null
}

if ! as_server "$pg_bindir/initdb" --no-sync -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
     -D "$pg_dir/data" >"$pg_dir/initdb.log" 2>&1; then
  echo "Bail out! initdb failed:"
  sed 's/^/# /' "$pg_dir/initdb.log"
  exit 1
fi
# The superuser and the owner trusted on the socket; every other role
# with its password, as a desk would connect.
printf 'local all postgres trust\nlocal all owner trust\nlocal all all scram-sha-256\n' \
  >"$pg_dir/data/pg_hba.conf"
pg_start_server

pg_sql () {
  role=$1; shift
  for sql in "$@"; do
    "$pg_bindir/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$pg_dir" -U "$role" -d office -c "$sql" \
      || return 1
  done
}
"$pg_bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg_dir" -U postgres -d postgres \
  -c "CREATE ROLE owner LOGIN" -c "CREATE DATABASE office OWNER owner" >/dev/null || exit 1

# pg_role NAME: a role NAME that logs in with its password, as a desk or a
# kiosk would, the password in $work/pgpass (mode 0600: libpq ignores one
# others can read); $server is then the connection string it uses.
pg_role () {
  pg_sql postgres "CREATE ROLE $1 LOGIN PASSWORD '$1-secret'" || exit 1
  printf '*:*:office:%s:%s-secret\n' "$1" "$1" >"$work/pgpass"
  chmod 600 "$work/pgpass"
  server="host=$pg_host dbname=office user=$1 passfile=$work/pgpass"
}
