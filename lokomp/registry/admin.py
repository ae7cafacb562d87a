from django.contrib import admin

from .models import County, Institution, Municipality, Owner, Unit

admin.site.register(County)
admin.site.register(
    Municipality, search_fields=["name", "number"], list_display=["name", "number", "county"]
)
admin.site.register(Owner, search_fields=["name"], list_display=["name", "kind", "org_number"])
admin.site.register(
    Unit, search_fields=["name"], list_display=["name", "kind", "owner", "staff_count"]
)
admin.site.register(Institution)
