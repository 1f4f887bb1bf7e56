/**
 * The mutation root value: one resolver per supported `Mutation` field — customerCreate,
 * orderCreate, refundCreate, inventoryAdjustQuantities, inventorySetQuantities,
 * bulkOperationRunQuery, bulkOperationCancel, webhookSubscriptionCreate, webhookSubscriptionDelete.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { SimContext } from '../context.js';
import { bulkOperationCancel, bulkOperationRunQuery } from './bulk.js';
import { customerCreate } from './customer-create.js';
import { inventoryAdjustQuantities, inventorySetQuantities } from './inventory.js';
import { orderCreate } from './order-create.js';
import { refundCreate } from './refund-create.js';
import { webhookSubscriptionCreate, webhookSubscriptionDelete } from './webhook-subscriptions.js';

type Resolver = (args: never, ctx: SimContext, info: GraphQLResolveInfo) => unknown;

/** Resolvers of the supported mutations, by field name. */
export const mutationRoot: Record<string, Resolver> = {
  customerCreate,
  orderCreate,
  refundCreate,
  inventoryAdjustQuantities,
  inventorySetQuantities,
  bulkOperationRunQuery,
  bulkOperationCancel,
  webhookSubscriptionCreate,
  webhookSubscriptionDelete,
};
