"""How many rows the current connection has written, to check that a refused request
changed nothing (SQLite: total_changes(); PostgreSQL: this transaction's statistics)."""

from django.db import connection


def db_writes() -> int:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT total_changes()")
        else:
            cursor.execute(
                "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) "
                "FROM pg_stat_xact_user_tables"
            )
        return int(cursor.fetchone()[0])
