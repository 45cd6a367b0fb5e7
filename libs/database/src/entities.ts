import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';

/** Every entity, listed so that the apps, the CLI and the tests load the same set without globbing. */
export const ENTITIES = [UserEntity, RefreshTokenEntity];
