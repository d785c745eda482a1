import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ALL_JOBS, checkJobHandlers, JobsHost } from '@app/core';

/** Refuses to start a worker in which some job name has no handler, or more than one. */
@Injectable()
export class JobHandlerCheck implements OnModuleInit {
  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const hosts = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is JobsHost => instance instanceof JobsHost);
    checkJobHandlers(hosts, ALL_JOBS);
  }
}
