# The tables taken over from monitoring get bronnen's default names (the rows stay, only the names change).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('bronnen', '0001_initial'),
        ('monitoring', '0003_datakwaliteitsnotitie_naar_bronnen'),
    ]

    operations = [
        migrations.AlterModelTable(name='datakwaliteitsnotitie', table=None),
        migrations.AlterModelTable(name='historicaldatakwaliteitsnotitie', table=None),
    ]
