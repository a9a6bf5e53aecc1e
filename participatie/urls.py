app_name = "participatie"
urlpatterns = []
