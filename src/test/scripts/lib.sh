# Shared by the hands-on scripts (sourced): the AWS CLI against LocalVPC, step headings, checks,
# and the instance shell. Needs AWS (the CLI binary) and ENDPOINT in the environment.

aws() { "$AWS" --endpoint-url "$ENDPOINT" --output text "$@"; }
step() { echo; echo "== $*"; }
expect() { # expect DESCRIPTION ACTUAL EXPECTED
  if [ "$2" != "$3" ]; then echo "FAIL: $1: got '$2', expected '$3'"; exit 1; fi
  echo "ok: $1 = $3"
}
expect_error() { # expect_error CODE command...
  local code=$1; shift
  local out
  if out=$(aws "$@" 2>&1); then echo "FAIL: '$*' succeeded, expected $code"; exit 1; fi
  case "$out" in *"($code)"*) echo "ok: '$*' refused with $code" ;; *) echo "FAIL: expected $code, got: $out"; exit 1 ;; esac
}
shell() { # shell INSTANCE COMMAND: the instance's stdout, stderr and exit code as JSON
  curl -s -X POST -H 'Content-Type: application/json' "$ENDPOINT/_localvpc/exec" \
    -d "{\"accountId\":\"$AWS_ACCESS_KEY_ID\",\"region\":\"$AWS_DEFAULT_REGION\",\"instance\":\"$1\",\"command\":\"$2\"}"
}
