export type RoutingErrorCode = 'ROUTING_RULE_NOT_FOUND' | 'ROUTING_NO_RULE';
