import { Global, Module } from '@nestjs/common';
import { InstanceRepository } from './instance.repository';
import { ServiceInstance } from './service-instance';

/** This process's identity and heartbeat in the shared database (see service-instance.ts). */
@Global()
@Module({
  providers: [InstanceRepository, ServiceInstance],
  exports: [ServiceInstance],
})
export class InstancesModule {}
