from typing import Annotated

import jwt
from fastapi import Depends, Header, HTTPException, status
from sqlalchemy.orm import Session

from .config import settings
from .db import get_session
from .models import BankUser

SessionDep = Annotated[Session, Depends(get_session)]


def get_current_user(session: SessionDep, authorization: Annotated[str, Header()] = "") -> BankUser:
    """Tallybook's Django app signs a JWT per request; `sub` is the Django user id."""
    token = authorization.removeprefix("Bearer ").strip()
    try:
        claims = jwt.decode(token, settings.jwt_secret, algorithms=["HS256"])
    except jwt.PyJWTError as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token") from exc
    user = session.get(BankUser, int(claims["sub"]))
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown user")
    return user


CurrentUser = Annotated[BankUser, Depends(get_current_user)]
