#!/bin/sh
# Nightly PostgreSQL backup for deploy/compose.yaml (README "Backups"), run from the host's cron, e.g.
#   30 2 * * *  cd /srv/talenthub && deploy/backup.sh
# Writes deploy/backups/talenthub-YYYYMMDD-HHMM.dump (custom format, restore with pg_restore), keeps 14,
# and touches deploy/backups/last-success only when the dump succeeded: the app's "backup" health check and
# its DatabaseBackup job read that file's age (TalentHub__Backup__Marker, stale after 26 h).
set -eu
cd "$(dirname "$0")"
mkdir -p backups
file="backups/talenthub-$(date -u +%Y%m%d-%H%M).dump"
docker compose exec -T postgres pg_dump -U talenthub -d talenthub -Fc > "$file.partial"
mv "$file.partial" "$file"
touch backups/last-success
ls -1t backups/talenthub-*.dump | tail -n +15 | xargs -r rm --
