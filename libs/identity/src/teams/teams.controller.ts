import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { IdParam } from '@app/core';
import { ApiProblems } from '../accounts/api-docs';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { TeamMemberView, TeamView } from './teams.dto';
import { TeamsService } from './teams.service';

const NOT_ORG_ADMIN = "/problems/not-org-admin: the caller is not their organization's admin";
const NOT_MEMBER = '/problems/not-found: no member of this id in your organization';

/** The organization admin's team page (invitations are at /api/invitations). */
@ApiTags('teams')
@Controller('team/members')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Roles('ngo')
  @Get()
  @ApiOperation({
    operationId: 'listTeamMembers',
    summary: "The members of the organization admin's own organization",
    description:
      "For an organization's admin: every member of their own organization, each with their roles, whether active and whether the organization's admin.",
  })
  @ApiOkResponse({ type: TeamView })
  @ApiProblems({ 403: NOT_ORG_ADMIN })
  list(@CurrentActor() actor: Actor): Promise<TeamView> {
    return this.teams.members(actor);
  }

  @Roles('ngo')
  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'deactivateTeamMember',
    summary: 'Deactivates a member of the own organization: their access ends at once',
    description:
      "For an organization's admin: deactivates another member of their own organization; their access ends at once. A member who has not yet confirmed their address answers 422.",
  })
  @ApiOkResponse({ type: TeamMemberView })
  @ApiProblems({ 403: NOT_ORG_ADMIN, 404: NOT_MEMBER, 422: '/problems/team-rule: not yourself' })
  deactivate(@IdParam('id', 'user') id: string, @CurrentActor() actor: Actor): Promise<TeamMemberView> {
    return this.teams.setActive(id, false, actor);
  }

  @Roles('ngo')
  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'reactivateTeamMember',
    summary: 'Re-activates a deactivated member of the own organization',
    description:
      "For an organization's admin: lets a deactivated member of their own organization sign in again.",
  })
  @ApiOkResponse({ type: TeamMemberView })
  @ApiProblems({ 403: NOT_ORG_ADMIN, 404: NOT_MEMBER, 422: '/problems/team-rule: not yourself' })
  reactivate(@IdParam('id', 'user') id: string, @CurrentActor() actor: Actor): Promise<TeamMemberView> {
    return this.teams.setActive(id, true, actor);
  }

  @Roles('ngo')
  @Post(':id/hand-admin')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'handTeamAdmin',
    summary: 'Hands the organization admin flag to another active member (the caller loses it)',
    description:
      "For an organization's admin: makes another active member of their own organization its admin; the caller stays a member without the flag.",
  })
  @ApiOkResponse({ type: TeamMemberView })
  @ApiProblems({
    403: NOT_ORG_ADMIN,
    404: NOT_MEMBER,
    422: '/problems/team-rule: an active member, not yourself',
  })
  handAdmin(@IdParam('id', 'user') id: string, @CurrentActor() actor: Actor): Promise<TeamMemberView> {
    return this.teams.handAdmin(id, actor);
  }
}
