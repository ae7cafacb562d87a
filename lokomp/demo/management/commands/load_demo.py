from django.core.management.base import BaseCommand

from lokomp.demo.builder import DEMO_PASSWORD, DEMO_USERS, load_demo


class Command(BaseCommand):
    help = "Last demodataene bygget fra dokumentene i seeds (gjør ingenting om de finnes)."

    def handle(self, *args, **options):
        if load_demo():
            self.stdout.write(self.style.SUCCESS("Demodata lastet."))
        else:
            self.stdout.write("Demodataene finnes allerede; ingenting endret.")
        self.stdout.write(f"\nDemobrukere (passord for alle: {DEMO_PASSWORD}):")
        for person in DEMO_USERS:
            self.stdout.write(f"  {person.username:<18} {person.description}")
        self.stdout.write(f"  {'admin':<18} superbruker (/admin/)")
