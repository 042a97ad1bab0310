#!/usr/bin/env bash
# Writes the compose stack's secrets into deploy/compose/secrets/, one file each, mode 600.
# Run once before the first 'docker compose up'; an existing file is never overwritten, so running it
# again only fills in what is missing. Run as root (sudo) so that each file is handed to the uid of
# the one container that reads it; as another user the files stay yours and the script lists the
# chown commands still needed.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/secrets"
umask 077
mkdir -p "$dir"
chmod 700 "$dir"

hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

# name owner-uid value
write() {
    local file="$dir/$1"
    if [ -e "$file" ]; then
        echo "kept    $1"
    else
        printf '%s' "$3" >"$file"
        echo "created $1"
    fi
    chmod 600 "$file"
    if [ "$(id -u)" = 0 ]; then
        chown "$2:$2" "$file"
    else
        pending+=("chown $2:$2 $file")
    fi
}
pending=()

# The URLs embed the passwords, so they are made from the password files as they are now.
read_or_new() { if [ -s "$dir/$1" ]; then cat "$dir/$1"; else hex 24; fi; }
postgres_password="$(read_or_new postgres_password)"
redis_password="$(read_or_new redis_password)"

# Uids: quantdesk 10001 (deploy/docker/Dockerfile), postgres and redis 999 (their images),
# prometheus 65534 (nobody), grafana 472.
write postgres_password 999 "$postgres_password"
write redis_password 999 "$redis_password"
write database_url 10001 "postgresql://quantdesk:${postgres_password}@postgres:5432/quantdesk"
write redis_url 10001 "redis://:${redis_password}@redis:6379"
write qd_admin_password 10001 "$(hex 18)"
write qd_journal_key 10001 "$(hex 32)"
write qd_backup_key 10001 "$(hex 32)"
write qd_server_key 10001 "$(hex 32)"
write data_encryption_key 10001 "$(hex 32)"
# Zerodha issues the Kite api secret; it stays empty until live trading is set up.
write kite_api_secret 10001 ""
# Filled in after the first start with an ADMIN's READ API key (docs/deployment.md).
write prometheus_api_key 65534 ""
write grafana_admin_password 472 "$(hex 18)"

if [ "${#pending[@]}" -gt 0 ]; then
    echo "Not root: the containers cannot read these files yet. Run:" >&2
    for c in "${pending[@]}"; do echo "  sudo $c" >&2; done
fi
echo "Keep a copy of qd_journal_key and qd_backup_key apart from the backups (docs/runbooks/go-live-reminders.md#key-custody)."
