from django.utils.translation import gettext_lazy as _

from lokomp.core.forms import DsModelForm

from .models import Institution, Owner, Unit


class UnitForm(DsModelForm):
    class Meta:
        model = Unit
        fields = ["name", "kind", "owner", "municipality", "staff_count"]

    def __init__(self, *args, owners, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["municipality"].queryset = municipalities
        self.fields["staff_count"].error_messages["invalid"] = _(
            "Skriv antall ansatte som et helt tall."
        )


class UnitStaffForm(DsModelForm):
    """What a unit leader keeps right: the number of staff."""

    class Meta:
        model = Unit
        fields = ["staff_count"]


class OwnerForm(DsModelForm):
    class Meta:
        model = Owner
        fields = ["name", "kind", "org_number", "municipality"]

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            self.fields["municipality"].queryset = municipalities


class InstitutionForm(DsModelForm):
    class Meta:
        model = Institution
        fields = ["name", "short_name", "kind", "org_number", "county"]
