from django import forms

from .models import Account, User


class SignupForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput, min_length=10)
    display_name = forms.CharField(max_length=120, required=False)
    business_name = forms.CharField(max_length=200)
    profession = forms.CharField(max_length=80, required=False)
    business_type = forms.ChoiceField(choices=Account.BusinessType.choices)

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email=email).exists():
            raise forms.ValidationError("An account with this email already exists.")
        return email
