"""People who use the admin, made the way an account is: a user, a password, a group."""

from django.contrib.auth.models import Group


def make_user(django_user_model, username, group=None, superuser=False):
    user = django_user_model.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="een-lang-testwachtwoord",
        is_staff=superuser,
        is_superuser=superuser,
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user
