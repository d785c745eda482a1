import { PageOf } from '@app/core';
import { ContributionView, DonorView, PledgeView } from './donors.dto';

export class DonorPage extends PageOf(DonorView) {}

export class PledgePage extends PageOf(PledgeView) {}

export class ContributionPage extends PageOf(ContributionView) {}
