from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BANKFEED_")

    database_url: str = "postgresql+psycopg://tallybook:tallybook@localhost:5432/bankfeed"
    webhook_secret: str = ""
    jwt_secret: str = "dev-only"


settings = Settings()
