from datetime import datetime
from decimal import Decimal
from enum import Enum

from sqlalchemy import ForeignKey, Numeric, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .db import Base


class ConnectionStatus(str, Enum):
    ACTIVE = "active"
    NEEDS_REAUTH = "needs_reauth"
    DISCONNECTED = "disconnected"


class BankUser(Base):
    """Mirror of the Tallybook user, keyed by the Django user id."""

    __tablename__ = "bank_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    full_name: Mapped[str | None] = mapped_column(String(200))
    connections: Mapped[list["BankConnection"]] = relationship(back_populates="user")


class BankConnection(Base):
    __tablename__ = "bank_connections"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("bank_users.id"))
    institution: Mapped[str] = mapped_column(String(120))
    status: Mapped[ConnectionStatus] = mapped_column(default=ConnectionStatus.ACTIVE)
    last_synced_at: Mapped[datetime | None]
    user: Mapped[BankUser] = relationship(back_populates="connections")
    transactions: Mapped[list["Transaction"]] = relationship(back_populates="connection")


class Transaction(Base):
    __tablename__ = "transactions"

    id: Mapped[int] = mapped_column(primary_key=True)
    connection_id: Mapped[int] = mapped_column(ForeignKey("bank_connections.id"))
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3))
    description: Mapped[str] = mapped_column(Text)
    merchant: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(60))
    booked_at: Mapped[datetime] = mapped_column(server_default=func.now())
    connection: Mapped[BankConnection] = relationship(back_populates="transactions")


class AccessToken(Base):
    """Aggregator access tokens, encrypted at rest. Secrets only."""

    __tablename__ = "access_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    connection_id: Mapped[int] = mapped_column(ForeignKey("bank_connections.id"), unique=True)
    ciphertext: Mapped[bytes]
    rotated_at: Mapped[datetime | None]
