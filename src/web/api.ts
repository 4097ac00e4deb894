import type { WorkshopDocument } from "../core/index.js";

export interface WorkshopListItem {
  id: string;
  title: string;
  seq: number;
  updatedAt: string;
}

export interface CreatedWorkshop {
  id: string;
  url: string;
  facilitatorKey: string;
}

/** The server's error body, as AppError writes it. */
interface ApiErrorBody {
  error?: { message?: string };
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { "content-type": "application/json", ...init?.headers },
  });
  const body = (await response.json().catch(() => ({}))) as T & ApiErrorBody;
  if (!response.ok) throw new Error(body.error?.message ?? `Request failed (${response.status})`);
  return body;
}

export const listWorkshops = () =>
  request<{ workshops: WorkshopListItem[] }>("/api/workshops").then((body) => body.workshops);

export const createWorkshop = (title: string, language: "en" | "fr") =>
  request<CreatedWorkshop>("/api/workshops", { method: "POST", body: JSON.stringify({ title, language }) });

export const importWorkshop = (doc: WorkshopDocument | unknown) =>
  request<CreatedWorkshop>("/api/workshops/import", { method: "POST", body: JSON.stringify(doc) });
