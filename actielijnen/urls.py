app_name = "actielijnen"
urlpatterns = []
