"""Database lookups that hold against hostile values."""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    """`__in` with values no integer column can hold (an id of 2**63 posted in a multiple
    choice) matches nothing for those values, as Django's own `exact` does, instead of
    overflowing SQLite's 64-bit integers in the middle of a page."""

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
