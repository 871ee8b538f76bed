import { z } from "zod";
import {
  changePassword,
  createPasswordResetLink,
  MIN_PASSWORD_LENGTH,
  resetPassword,
  signUp,
} from "../../teams/accounts";
import { limitPublicAccountCall } from "../../auth/public-account-limit";
import { getEnv } from "../../env";
import { AppError } from "../../errors";
import {
  createTRPCRouter,
  organizationProcedureWithRole,
  protectedProcedure,
  publicProcedure,
} from "../trpc";
import { linkTokenSchema } from "./invitations";

// The upper bound keeps one scrypt hash cheap to compute; the credentials check uses the same.
const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024);

export const accountRouter = createTRPCRouter({
  /** The signed-in user. */
  me: protectedProcedure.query(async ({ ctx }) => {
    const user = await ctx.db.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: { id: true, email: true, name: true, createdAt: true },
    });
    return user;
  }),

  /** Public: creates an account, and joins an organization when an invitation token is given. */
  signUp: publicProcedure
    .input(
      z.object({
        email: z.string().trim().email().max(320),
        name: z.string().trim().max(100).optional(),
        password: passwordSchema,
        invitationToken: linkTokenSchema.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (getEnv().DRIFTWATCH_SIGN_UP === "invitation" && !input.invitationToken) {
        throw new AppError(
          "FORBIDDEN",
          "Sign-up needs an invitation on this server; ask an admin for an invitation link",
        );
      }
      await limitPublicAccountCall(ctx.db, ctx.clientAddress);
      return signUp(ctx.db, input);
    }),

  /** Sets a new password; every session, this one included, has to sign in again. */
  changePassword: protectedProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(1024), newPassword: passwordSchema }))
    .mutation(async ({ ctx, input }) => {
      await changePassword(ctx.db, { userId: ctx.user.id, ...input });
      return { signedOut: true };
    }),

  /** A single-use link (`path`) that lets the member set a new password; shown once. */
  createPasswordResetLink: organizationProcedureWithRole("ADMIN")
    .input(z.object({ userId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) =>
      createPasswordResetLink(ctx.db, {
        organizationId: ctx.organization.id,
        userId: input.userId,
        actorUserId: ctx.user.id,
        actorRole: ctx.role,
      }),
    ),

  /** Public: sets a new password with a reset link's token. */
  resetPassword: publicProcedure
    .input(z.object({ token: linkTokenSchema, newPassword: passwordSchema }))
    .mutation(async ({ ctx, input }) => {
      await limitPublicAccountCall(ctx.db, ctx.clientAddress);
      return resetPassword(ctx.db, input);
    }),
});
