import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';
import { OrganizationView, UserView } from './dto/identity.dto';

export function toUserView(u: User): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    organizationId: u.organizationId,
    donorId: u.donorId,
    fundIds: u.fundIds ?? [],
    active: u.active,
    locale: u.locale ?? 'en',
    isOrgAdmin: u.isOrgAdmin ?? false,
    createdAt: u.createdAt,
  };
}

export function toOrganizationView(o: Organization): OrganizationView {
  return {
    id: o.id,
    name: o.name,
    country: o.country,
    registrationNumber: o.registrationNumber,
    verified: o.verifiedAt !== null,
    verifiedAt: o.verifiedAt,
    createdAt: o.createdAt,
  };
}
