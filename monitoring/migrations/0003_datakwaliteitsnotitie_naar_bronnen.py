# Datakwaliteitsnotitie (and its history) now belongs to bronnen: removed from monitoring's state only, the
# tables and their rows stay (bronnen 0001 took the models over, bronnen 0002 renames the tables).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('bronnen', '0001_initial'),
        ('monitoring', '0002_financien_piramide_benchmarks_import'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='HistoricalDatakwaliteitsnotitie'),
                migrations.DeleteModel(name='Datakwaliteitsnotitie'),
            ],
        ),
    ]
