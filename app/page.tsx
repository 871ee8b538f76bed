import Link from "next/link";
import { redirect } from "next/navigation";
import { CreateOrganizationForm } from "@/components/organization/create-organization-form";
import { getServerCaller } from "@/lib/trpc/server";
import { getSessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

/** Opens the overview of the user's first project. */
export default async function HomePage() {
  if (!(await getSessionUser())) redirect("/sign-in");
  const projects = await (await getServerCaller()).projects.list();
  if (projects[0]) redirect(`/project/${projects[0].id}`);

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-sm text-center">
        <h1 className="text-sm font-semibold">No projects yet</h1>
        <p className="mt-1 text-muted-foreground">
          Your account is not a member of any organization. Open an invitation link from an
          organization admin, or create your own organization.
        </p>
        <div className="mt-4 rounded-lg border bg-card p-4 shadow-xs">
          <CreateOrganizationForm />
        </div>
        <Link
          href="/api/auth/signout"
          prefetch={false}
          className="mt-3 inline-block text-primary hover:underline"
        >
          Sign out
        </Link>
      </div>
    </main>
  );
}
